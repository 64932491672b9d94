namespace LlmPlatform.Application.Gateway;

/// <summary>
/// What a model call came to, from the request's usage event: for the response headers (<c>x-llmplatform-model-id</c>,
/// <c>-attempts</c>, <c>-response-cost</c>) and for the SaaS dialect's job calls. The handler fills it when it
/// publishes the event (for a stream, when the stream ends); the caller reads it after that. A receipt made with
/// <see cref="KeepingAnswer"/> also keeps the answer's text, for the Connector dialect's chat records.
/// </summary>
public sealed class CallReceipt
{
    /// <summary>A receipt of the tokens and cost only; the answer's text is not kept.</summary>
    public CallReceipt()
    {
    }

    private CallReceipt(bool keepsAnswer)
    {
        KeepsAnswer = keepsAnswer;
    }

    /// <summary>Whether the handler also keeps the answer's text (<see cref="AnswerText"/>): only a caller that records it asks.</summary>
    public bool KeepsAnswer { get; }

    /// <summary>The answer's text (for a stream, as much of it as was relayed); null unless <see cref="KeepsAnswer"/>.</summary>
    public string? AnswerText { get; private set; }

    /// <summary>The deployment that answered; null when none did or the answer came from the cache.</summary>
    public string? DeploymentId { get; private set; }

    public int Attempts { get; private set; }

    public decimal Cost { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    /// <summary>Whether the call has been settled (its usage event published).</summary>
    public bool Settled { get; private set; }

    /// <summary>The failure's code when the call failed; null when it succeeded.</summary>
    public string? ErrorType { get; private set; }

    public TimeSpan Duration { get; private set; }

    /// <summary>A receipt that also keeps the answer's text, for a caller that records the exchange.</summary>
    public static CallReceipt KeepingAnswer() => new(keepsAnswer: true);

    /// <summary>Keeps the answer's text when asked to; it is built only then.</summary>
    internal void TakeAnswer<TState>(TState state, Func<TState, string> text)
    {
        if (KeepsAnswer)
        {
            AnswerText = text(state);
        }
    }

    internal void Take(UsageEvent usage)
    {
        DeploymentId = usage.DeploymentId;
        Attempts = usage.Attempts;
        Cost = usage.Cost;
        PromptTokens = usage.PromptTokens;
        CompletionTokens = usage.CompletionTokens;
        ErrorType = usage.Status == "success" ? null : usage.ErrorType ?? "failure";
        Duration = usage.EndTime - usage.StartTime;
        Settled = true;
    }
}
