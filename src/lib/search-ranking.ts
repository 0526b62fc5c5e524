// Ranking of full-text search, shared by the browser and the relevance tests.
/**
 * Pagefind ranking weights: no penalty for long documents, so minutes that discuss a topic at length
 * rank above short demands that merely mention it.
 */
export const searchRanking = { pageLength: 0 } as const;

/** A query that is a Drucksachen-Nr. such as "3.2/0076/2014": the paper with exactly that number comes first. */
export const referencePattern = /^\d+(?:\.\d+)*\/\d+\/\d{4}$/;
