import type { DocumentNode } from 'graphql';

/**
 * Apollo keeps every parsed and validated document it has seen, up to 30 MiB as measured by their
 * JSON; a parsed document holds its token list too and weighs some ten times that, so callers
 * without a key, sending a new document each time, grew the process by hundreds of megabytes.
 * Partners send a few dozen operations; this keeps the most recent ones, by count.
 */
export function documentStore(maxDocuments = 1_000) {
  const documents = new Map<string, DocumentNode>();
  return {
    async get(key: string): Promise<DocumentNode | undefined> {
      const document = documents.get(key);
      if (document) {
        documents.delete(key);
        documents.set(key, document);
      }
      return document;
    },
    async set(key: string, document: DocumentNode): Promise<void> {
      documents.delete(key);
      documents.set(key, document);
      if (documents.size > maxDocuments) documents.delete(documents.keys().next().value!);
    },
    async delete(key: string): Promise<boolean> {
      return documents.delete(key);
    },
    get size() {
      return documents.size;
    },
  };
}
