import Type from 'typebox';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import {
  ApplyRequest,
  ApplyResult,
  NewRule,
  Rule,
  RuleOrder,
  RulePatch,
  SuggestionQuery,
  Suggestions,
} from '../../../contract/rules.ts';
import { suggest } from '../../../core/suggest/suggester.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { applyRulesToBook } from './apply.ts';
import { loadSuggester } from './load.ts';
import { listRules, ruleJson } from './queries.ts';
import { createRule, deleteRule, reorderRules, requireRule, updateRule } from './service.ts';

const tags = ['rules'];

/** /books/:bookId/rules (categorise, rename, tag, split; in order) and /suggestions (learned categories). */
export async function ruleRoutes(app: App): Promise<void> {
  app.get(
    '/rules',
    {
      schema: {
        tags,
        summary: 'List rules',
        description: 'In the order they run.',
        params: BookParams,
        response: { 200: Type.Array(Rule), ...problems },
      },
    },
    async (request) => (await listRules(app.db, request.book!.bookId)).map(ruleJson),
  );

  app.post(
    '/rules',
    {
      schema: {
        tags,
        summary: 'Create a rule',
        description: 'It runs after the existing rules. See docs/rules.md for conditions and actions.',
        params: BookParams,
        body: NewRule,
        response: { 201: Rule, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(ruleJson(await createRule(app.db, request.book!, request.body, now()))),
  );

  app.post(
    '/rules/reorder',
    {
      schema: {
        tags,
        summary: 'Put the rules in a new order',
        params: BookParams,
        body: RuleOrder,
        response: { 200: Type.Array(Rule), ...problems },
      },
    },
    async (request) => (await reorderRules(app.db, request.book!, request.body.ids, now())).map(ruleJson),
  );

  app.post(
    '/rules/apply',
    {
      schema: {
        tags,
        summary: 'Apply rules to existing transactions',
        description:
          'With `dryRun: true`, lists what would change (before and after); with `false`, writes every change in one database transaction. Transfers and transactions across several accounts are skipped.',
        params: BookParams,
        body: ApplyRequest,
        response: { 200: ApplyResult, ...problems },
      },
    },
    async (request) => applyRulesToBook(app.db, request.book!, request.body, now()),
  );

  app.get(
    '/rules/:id',
    { schema: { tags, summary: 'Get a rule', params: ItemParams, response: { 200: Rule, ...problems } } },
    async (request) => ruleJson(await requireRule(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a rule',
        description: 'Fields given replace the old ones; the whole rule is checked again.',
        params: ItemParams,
        body: RulePatch,
        response: { 200: Rule, ...problems },
      },
    },
    async (request) =>
      ruleJson(await updateRule(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a rule',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteRule(app.db, request.book!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggest categories for a transaction',
        description:
          'The three likeliest categories, learned from the book’s latest 5,000 categorised transactions (payee and description words, and the amount’s sign).',
        params: BookParams,
        querystring: SuggestionQuery,
        response: { 200: Suggestions, ...problems },
      },
    },
    async (request) => {
      const { payee, description, amount } = request.query;
      const model = await loadSuggester(app.db, request.book!.bookId);
      const sign =
        amount === undefined
          ? null
          : { minor: !/[1-9]/.test(amount) ? 0n : amount.startsWith('-') ? -1n : 1n };
      return {
        suggestions: suggest(
          model,
          { payee: payee ?? null, description: description ?? '', amount: sign },
          3,
        ),
        trainedOn: model.examples,
      };
    },
  );
}
