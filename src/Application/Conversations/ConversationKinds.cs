namespace LlmPlatform.Application.Conversations;

/// <summary>The kinds of conversation the store keeps apart.</summary>
public static class ConversationKinds
{
    /// <summary>The gateway-user dialect's sessions (<c>/v1/sessions</c>).</summary>
    public const string Session = "session";
}
