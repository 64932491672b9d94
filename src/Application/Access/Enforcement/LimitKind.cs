namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>What a counter counts.</summary>
public enum LimitKind
{
    /// <summary>Requests in the current minute; admission adds one.</summary>
    Requests,

    /// <summary>Tokens in the current minute; settlement adds the request's tokens.</summary>
    Tokens,

    /// <summary>Requests in flight; admission adds one, settlement takes it away.</summary>
    Parallel,

    /// <summary>Spend in nano-USD in the budget's window; admission reserves the most a request can cost, settlement corrects it.</summary>
    Budget,
}
