namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>The limits of a chat record's fields (as BRConnector's tables have them).</summary>
internal static class ChatRecordRules
{
    /// <summary>The longest <c>session-id</c> header recorded; a longer one is not recorded.</summary>
    public const int MaxSessionKeyLength = 128;

    /// <summary>A session's title is the start of an answer, this many characters at most.</summary>
    public const int TitleLength = 30;

    /// <summary>The currency of every fee.</summary>
    public const string Currency = "USD";
}
