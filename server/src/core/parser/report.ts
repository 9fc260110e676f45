import type { ReportModel } from '../model';
import { LineIndex } from '../text';

export function parseReport(text: string): ReportModel {
  const index = new LineIndex(text);
  return {
    lineCount: index.lineCount,
    title: null,
    agency: null,
    year: null,
    kind: null,
    statisticsPeriod: null,
    signatureDate: null,
    template: 'unknown',
    templateEvidence: [],
    sections: [],
    subheadings: [],
    tables: [],
    cells: [],
    unplaced: [],
    sentences: [],
    numbers: [],
  };
}
