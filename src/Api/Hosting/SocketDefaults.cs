namespace LlmPlatform.Api.Hosting;

/// <summary>
/// How the process runs socket completions. By default .NET hands every completed socket read or write from its
/// event thread to a thread-pool worker, and Kestrel hands it on once more to the request; each hand-over wakes a
/// sleeping thread, which on a small machine costs more than the work it hands over. The gateway's request path
/// never blocks a thread (every wait is awaited), so its continuations run on the event thread that saw the
/// socket ready. Measured on 2 cores against a no-delay upstream: the added time to first token of a streamed
/// request at p50 went from about 1.15 ms to 0.5 ms, and the CPU per request at one connection fell by a quarter.
/// </summary>
internal static class SocketDefaults
{
    /// <summary>The runtime's switch; it reads it once, when the first socket is created, so it is set before that.</summary>
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on unless the operator set the switch (to 0, to turn them off).</summary>
    public static void Apply()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(InlineCompletions)))
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }
}
