// Problems found in files being imported, each naming the file and, where there is one, the line,
// so a person can open the file at the spot. An import gathers every file's first problem before it
// gives up, so one run lists all the broken files rather than one per attempt.

export interface ImportProblem {
  file: string;
  /** 1-based line in the file; absent for a problem with the file as a whole. */
  line?: number;
  message: string;
}

export function formatProblem(problem: ImportProblem): string {
  return problem.line === undefined ? `${problem.file}: ${problem.message}` : `${problem.file}:${problem.line}: ${problem.message}`;
}

/** The import was refused; nothing was written. One line per problem. */
export class ImportError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ImportError';
  }
}

/** A problem found while reading a file, thrown out of the reader and collected by the import. */
export class FileProblem extends Error {
  constructor(readonly problem: ImportProblem) {
    super(formatProblem(problem));
    this.name = 'FileProblem';
  }
}
