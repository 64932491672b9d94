using System.Diagnostics;
using System.Net;
using System.Text;

namespace LlmPlatform.Bench.Runner;

/// <summary>
/// Time to first token: the time from sending a streamed request to reading its first <c>data:</c> line.
/// wrk cannot see this (its response hook runs once the whole body is in), so a small client of our own
/// sends one request at a time, to each target in turn, and timestamps the first event it reads.
/// </summary>
internal sealed class TtftProbe : IDisposable
{
    private static readonly byte[] DataPrefix = "data:"u8.ToArray();
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long _sequence;

    /// <summary>
    /// Runs <paramref name="rounds"/> rounds; each round sends one request to every endpoint, back to back. Returns
    /// microseconds per endpoint and round (null where that request failed), so rounds can be compared pairwise.
    /// </summary>
    public async Task<double?[][]> MeasureAsync(IReadOnlyList<Endpoint> endpoints, int rounds, CancellationToken cancellationToken)
    {
        var samples = endpoints.Select(_ => new double?[rounds]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                samples[i][round] = await OnceAsync(endpoints[i], cancellationToken).ConfigureAwait(false);
            }
        }

        return samples;
    }

    public void Dispose() => _http.Dispose();

    private async Task<double?> OnceAsync(Endpoint endpoint, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sequence);
        var body = $$"""{"model":"{{endpoint.Model}}","stream":true,"messages":[{"role":"user","content":"First-token probe {{n}}: name three rivers."}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in endpoint.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        var seen = 0;
        double? first = null;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(seen, buffer.Length - seen), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return first;
            }

            if (first is null)
            {
                seen += read;
                if (buffer.AsSpan(0, seen).IndexOf(DataPrefix) >= 0)
                {
                    first = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }

                if (first is not null || seen == buffer.Length)
                {
                    seen = 0;
                }
            }
        }
    }
}
