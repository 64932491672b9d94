namespace LlmPlatform.Application.Conversations;

/// <summary>The limits of a session's fields.</summary>
internal static class SessionRules
{
    public const int MaxTitleLength = 200;

    /// <summary>How many sessions one listing shows at most.</summary>
    public const int ListLimit = 200;
}
