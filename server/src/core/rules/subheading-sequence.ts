import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'subheading-sequence',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      zh: '章节内小标题的序号重复或跳号（如两个“（四）”，或“（四）”之后是“（六）”）。',
      en: 'Sub-heading ordinals inside a section repeat or skip (（四） twice; （六） after （四）; 1. … 4. 6.).',
    },
    messages: {},
    reads: ['subheadings'],
  },
  // TODO(issue 3): check not written yet.
  check() {},
};

export default rule;
