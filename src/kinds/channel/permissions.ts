/** OAS `x-rights` of `GET /chats/channels/all-channels` is "View channel info" [C]; code from NET `PermissionIdentifierViewChannelInfo` [C]. */
export const permissions = ['Channel.ViewChannel'] as const;
