using System.Text;

namespace LlmPlatform.Bench.Runner;

/// <summary>
/// The exact check of the spend ledger: requests with request ids of our own (x-request-id), streamed and not,
/// eight at a time; afterwards every id that was answered must have its row.
/// </summary>
internal static class LedgerProbe
{
    public static async Task<(int Answered, int Missing)> RunAsync(string databaseUrl, Endpoint endpoint, int count)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 8 }) { Timeout = TimeSpan.FromSeconds(30) };
        var prefix = "bench-ledger-" + Guid.NewGuid().ToString("N")[..12] + "-";
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = -1;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var id = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var stream = i % 2 == 1;
                var body = $$"""{"model":"{{endpoint.Model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Ledger check {{id}}"}]}""";
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("x-request-id", id);
                foreach (var (name, value) in endpoint.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await http.SendAsync(request).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode && (!stream || text.Contains("[DONE]", StringComparison.Ordinal)))
                {
                    answered.Add(id);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkerAsync))).ConfigureAwait(false);
        var ids = answered.ToArray();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        HashSet<string> found;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            found = await Ledger.FindAsync(databaseUrl, ids).ConfigureAwait(false);
        }
        while (found.Count < ids.Length && deadline.Elapsed < TimeSpan.FromSeconds(15));

        return (ids.Length, ids.Length - found.Count);
    }
}
