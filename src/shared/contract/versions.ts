/** The contract's article versions: list, read, diff, and compare two versions of one article. */
import { z } from 'zod'
import { ArticleId, ArticleVersion } from './articles'
import { Comparison, DiffPart } from './compare'

const VersionNumber = z.int().positive()

export const ArticleVersionText = ArticleVersion.extend({ text: z.string() })
export type ArticleVersionText = z.infer<typeof ArticleVersionText>

export const versionMethods = {
  /** An article's versions, oldest first; the last is the current one. */
  'articles.versions': {
    args: z.object({ id: ArticleId }).strict(),
    result: z.object({ items: z.array(ArticleVersion) })
  },
  'articles.version': {
    args: z.object({ id: ArticleId, number: VersionNumber }).strict(),
    result: ArticleVersionText
  },
  /** What changed from one version to another: headline and text, word by word. */
  'articles.versionDiff': {
    args: z
      .object({ id: ArticleId, from: VersionNumber, to: VersionNumber })
      .strict()
      .refine((a) => a.from !== a.to, { message: 'must name another version than from', path: ['to'] }),
    result: z.object({ from: ArticleVersion, to: ArticleVersion, title: z.array(DiffPart), text: z.array(DiffPart) })
  },
  /** Two versions of one article in the comparison view (each appears as the article, labelled with its version). */
  'compare.versions': {
    args: z
      .object({ id: ArticleId, versions: z.tuple([VersionNumber, VersionNumber]) })
      .strict()
      .refine((a) => a.versions[0] !== a.versions[1], { message: 'must name two different versions', path: ['versions'] }),
    result: Comparison
  }
} as const
