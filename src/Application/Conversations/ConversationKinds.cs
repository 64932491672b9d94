namespace LlmPlatform.Application.Conversations;

/// <summary>The kinds of conversation the store keeps apart.</summary>
public static class ConversationKinds
{
    /// <summary>The gateway-user dialect's sessions (<c>/v1/sessions</c>).</summary>
    public const string Session = "session";

    /// <summary>The Connector dialect's chat records: chat completions sent with a <c>session-id</c> header.</summary>
    public const string ChatRecord = "chat_record";
}
