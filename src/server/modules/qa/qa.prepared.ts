/**
 * The association's prepared common questions (问题准备: "协会可提前准备一些共性问题,抛砖引玉"),
 * from the seed document (its ASCII ",?" set in Chinese full-width punctuation). Imported into an event together with the guiding questions of
 * each dimension of the event's template.
 */
export const PREPARED_QUESTIONS = [
  '在当前市场环境下，物业公司面临的最大挑战是什么？',
  '如何平衡服务品质与运营成本？',
] as const;
