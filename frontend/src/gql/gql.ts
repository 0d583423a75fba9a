/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ListEntryRowFields on ListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n    subjectName\n    uscc\n    district {\n      code\n      name\n    }\n  }\n": typeof types.ListEntryRowFieldsFragmentDoc,
    "\n  query ListEntries($list: ListKind!, $district: String, $search: String, $first: Int!, $after: String) {\n    listEntries(list: $list, district: $district, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ListEntryRowFields\n        }\n      }\n    }\n  }\n": typeof types.ListEntriesDocument,
    "\n  query Districts {\n    districts {\n      code\n      name\n    }\n  }\n": typeof types.DistrictsDocument,
    "\n  fragment SubjectSearchResultFields on PublicSubject {\n    uscc\n    name\n    kind\n    district {\n      code\n      name\n    }\n    grade {\n      level\n    }\n    lists {\n      list\n    }\n  }\n": typeof types.SubjectSearchResultFieldsFragmentDoc,
    "\n  query SubjectSearch($name: String!, $first: Int!, $after: String) {\n    subjectSearch(name: $name, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SubjectSearchResultFields\n        }\n      }\n    }\n  }\n": typeof types.SubjectSearchDocument,
    "\n  fragment ReasonFields on Reason {\n    article\n    rule\n    summary\n  }\n": typeof types.ReasonFieldsFragmentDoc,
    "\n  fragment SubjectSummaryFields on PublicSubject {\n    uscc\n    name\n    kind\n    idNumberMasked\n    district {\n      code\n      name\n    }\n  }\n": typeof types.SubjectSummaryFieldsFragmentDoc,
    "\n  fragment GradePanelFields on PublicSubject {\n    grade {\n      level\n      reasons {\n        ...ReasonFields\n      }\n    }\n    reasons {\n      ...ReasonFields\n    }\n  }\n": typeof types.GradePanelFieldsFragmentDoc,
    "\n  fragment SubjectListEntryFields on SubjectListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n  }\n": typeof types.SubjectListEntryFieldsFragmentDoc,
    "\n  fragment MeasureFields on Measure {\n    code\n    name\n    article\n    kind\n  }\n": typeof types.MeasureFieldsFragmentDoc,
    "\n  fragment PublicRecordFields on PublicRecord {\n    id\n    category\n    type\n    typeName\n    summary\n    decisionNo\n    decisionDate\n    occurredOn\n    publishedOn\n    issuingUnit\n    publicUntil\n  }\n": typeof types.PublicRecordFieldsFragmentDoc,
    "\n  query SubjectProfile($uscc: String!, $asOf: Date) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      asOf\n      grade {\n        level\n      }\n      ...SubjectSummaryFields\n      ...GradePanelFields\n      lists {\n        ...SubjectListEntryFields\n      }\n      measures {\n        ...MeasureFields\n      }\n    }\n  }\n": typeof types.SubjectProfileDocument,
    "\n  query SubjectRecords($uscc: String!, $asOf: Date, $first: Int!, $after: String) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      records(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...PublicRecordFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.SubjectRecordsDocument,
};
const documents: Documents = {
    "\n  fragment ListEntryRowFields on ListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n    subjectName\n    uscc\n    district {\n      code\n      name\n    }\n  }\n": types.ListEntryRowFieldsFragmentDoc,
    "\n  query ListEntries($list: ListKind!, $district: String, $search: String, $first: Int!, $after: String) {\n    listEntries(list: $list, district: $district, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ListEntryRowFields\n        }\n      }\n    }\n  }\n": types.ListEntriesDocument,
    "\n  query Districts {\n    districts {\n      code\n      name\n    }\n  }\n": types.DistrictsDocument,
    "\n  fragment SubjectSearchResultFields on PublicSubject {\n    uscc\n    name\n    kind\n    district {\n      code\n      name\n    }\n    grade {\n      level\n    }\n    lists {\n      list\n    }\n  }\n": types.SubjectSearchResultFieldsFragmentDoc,
    "\n  query SubjectSearch($name: String!, $first: Int!, $after: String) {\n    subjectSearch(name: $name, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SubjectSearchResultFields\n        }\n      }\n    }\n  }\n": types.SubjectSearchDocument,
    "\n  fragment ReasonFields on Reason {\n    article\n    rule\n    summary\n  }\n": types.ReasonFieldsFragmentDoc,
    "\n  fragment SubjectSummaryFields on PublicSubject {\n    uscc\n    name\n    kind\n    idNumberMasked\n    district {\n      code\n      name\n    }\n  }\n": types.SubjectSummaryFieldsFragmentDoc,
    "\n  fragment GradePanelFields on PublicSubject {\n    grade {\n      level\n      reasons {\n        ...ReasonFields\n      }\n    }\n    reasons {\n      ...ReasonFields\n    }\n  }\n": types.GradePanelFieldsFragmentDoc,
    "\n  fragment SubjectListEntryFields on SubjectListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n  }\n": types.SubjectListEntryFieldsFragmentDoc,
    "\n  fragment MeasureFields on Measure {\n    code\n    name\n    article\n    kind\n  }\n": types.MeasureFieldsFragmentDoc,
    "\n  fragment PublicRecordFields on PublicRecord {\n    id\n    category\n    type\n    typeName\n    summary\n    decisionNo\n    decisionDate\n    occurredOn\n    publishedOn\n    issuingUnit\n    publicUntil\n  }\n": types.PublicRecordFieldsFragmentDoc,
    "\n  query SubjectProfile($uscc: String!, $asOf: Date) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      asOf\n      grade {\n        level\n      }\n      ...SubjectSummaryFields\n      ...GradePanelFields\n      lists {\n        ...SubjectListEntryFields\n      }\n      measures {\n        ...MeasureFields\n      }\n    }\n  }\n": types.SubjectProfileDocument,
    "\n  query SubjectRecords($uscc: String!, $asOf: Date, $first: Int!, $after: String) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      records(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...PublicRecordFields\n          }\n        }\n      }\n    }\n  }\n": types.SubjectRecordsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ListEntryRowFields on ListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n    subjectName\n    uscc\n    district {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ListEntryRowFields on ListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n    subjectName\n    uscc\n    district {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListEntries($list: ListKind!, $district: String, $search: String, $first: Int!, $after: String) {\n    listEntries(list: $list, district: $district, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ListEntryRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListEntries($list: ListKind!, $district: String, $search: String, $first: Int!, $after: String) {\n    listEntries(list: $list, district: $district, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ListEntryRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Districts {\n    districts {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query Districts {\n    districts {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubjectSearchResultFields on PublicSubject {\n    uscc\n    name\n    kind\n    district {\n      code\n      name\n    }\n    grade {\n      level\n    }\n    lists {\n      list\n    }\n  }\n"): (typeof documents)["\n  fragment SubjectSearchResultFields on PublicSubject {\n    uscc\n    name\n    kind\n    district {\n      code\n      name\n    }\n    grade {\n      level\n    }\n    lists {\n      list\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectSearch($name: String!, $first: Int!, $after: String) {\n    subjectSearch(name: $name, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SubjectSearchResultFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectSearch($name: String!, $first: Int!, $after: String) {\n    subjectSearch(name: $name, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SubjectSearchResultFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReasonFields on Reason {\n    article\n    rule\n    summary\n  }\n"): (typeof documents)["\n  fragment ReasonFields on Reason {\n    article\n    rule\n    summary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubjectSummaryFields on PublicSubject {\n    uscc\n    name\n    kind\n    idNumberMasked\n    district {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SubjectSummaryFields on PublicSubject {\n    uscc\n    name\n    kind\n    idNumberMasked\n    district {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GradePanelFields on PublicSubject {\n    grade {\n      level\n      reasons {\n        ...ReasonFields\n      }\n    }\n    reasons {\n      ...ReasonFields\n    }\n  }\n"): (typeof documents)["\n  fragment GradePanelFields on PublicSubject {\n    grade {\n      level\n      reasons {\n        ...ReasonFields\n      }\n    }\n    reasons {\n      ...ReasonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubjectListEntryFields on SubjectListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n  }\n"): (typeof documents)["\n  fragment SubjectListEntryFields on SubjectListEntry {\n    list\n    since\n    until\n    decisionNo\n    article\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureFields on Measure {\n    code\n    name\n    article\n    kind\n  }\n"): (typeof documents)["\n  fragment MeasureFields on Measure {\n    code\n    name\n    article\n    kind\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicRecordFields on PublicRecord {\n    id\n    category\n    type\n    typeName\n    summary\n    decisionNo\n    decisionDate\n    occurredOn\n    publishedOn\n    issuingUnit\n    publicUntil\n  }\n"): (typeof documents)["\n  fragment PublicRecordFields on PublicRecord {\n    id\n    category\n    type\n    typeName\n    summary\n    decisionNo\n    decisionDate\n    occurredOn\n    publishedOn\n    issuingUnit\n    publicUntil\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectProfile($uscc: String!, $asOf: Date) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      asOf\n      grade {\n        level\n      }\n      ...SubjectSummaryFields\n      ...GradePanelFields\n      lists {\n        ...SubjectListEntryFields\n      }\n      measures {\n        ...MeasureFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectProfile($uscc: String!, $asOf: Date) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      asOf\n      grade {\n        level\n      }\n      ...SubjectSummaryFields\n      ...GradePanelFields\n      lists {\n        ...SubjectListEntryFields\n      }\n      measures {\n        ...MeasureFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectRecords($uscc: String!, $asOf: Date, $first: Int!, $after: String) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      records(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...PublicRecordFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectRecords($uscc: String!, $asOf: Date, $first: Int!, $after: String) {\n    subject(uscc: $uscc, asOf: $asOf) {\n      records(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...PublicRecordFields\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;