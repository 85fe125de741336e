import { ApiError, problemError, writeHeaders } from './http.ts';

/**
 * POSTs a large body (a backup file) with its upload's progress, which fetch cannot report:
 * `onProgress` gets the fraction sent (0…1). Answers and refusals as `request` gives them.
 */
export function uploadWithProgress<T>(
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(writeHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(problemError(xhr.status, data));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.', []),
      );
    xhr.send(body);
  });
}
