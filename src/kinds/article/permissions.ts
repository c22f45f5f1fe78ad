/** "View articles" of `GET /blog` [C] → `Article.View` (NET `PermissionIdentifierViewArticles` [C]; JetBrains' unfurl app asks for `global:Article.View`). */
export const permissions = ['Article.View'] as const;
