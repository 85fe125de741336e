import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Factory = ReturnType<typeof SerializerSelector>;
type Compile = ReturnType<Factory>;

/**
 * Fastify's own response serialisers (fast-json-stringify), each built when its route first
 * answers instead of when the server starts: building them all took about a third of the cold
 * start, and most routes see no request for a while. Pass as
 * `schemaController.compilersFactory.buildSerializer`.
 */
export function lazySerializers(...factoryArgs: Parameters<Factory>): Compile {
  const compile = SerializerSelector()(...factoryArgs);
  return (route) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => {
      serialize ??= compile(route) as (data: unknown) => string;
      return serialize(data);
    };
  };
}
