/**
 * The mini-program's pages that a message or a link opens, by what they show: one home for each
 * path, so a page that moves (the applicant's pages live in the `apply` subpackage) moves everywhere.
 * Paths are as WeChat's `page` fields take them (no leading slash); navigation adds one (`urlOf`).
 */
export const PAGES = {
  home: 'pages/index/index',
  /** 我的单位: register one, or join with an invite code (its mini-program code opens here). */
  unit: 'pages/unit/index',
  /** 我的申报. */
  applications: 'apply/pages/applications/index',
  application: (id: string) => `apply/pages/application/index?id=${encodeURIComponent(id)}`,
  defense: (id: string) => `apply/pages/defense/index?id=${encodeURIComponent(id)}`,
  mask: (applicationId: string, sha256: string) => `apply/pages/mask/index?app=${encodeURIComponent(applicationId)}&sha=${sha256}`,
} as const;

/** The path `navigateTo` takes for a page. */
export const urlOf = (page: string) => `/${page}`;
