namespace LlmPlatform.Application.Common.Idempotency;

/// <summary>Where a request stands against the key it was sent with.</summary>
public enum IdempotencyState
{
    /// <summary>The key is this request's: run it and store its answer.</summary>
    Claimed,

    /// <summary>The same request was answered before: send that answer again.</summary>
    Replay,

    /// <summary>The same request is still running elsewhere.</summary>
    InFlight,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}
