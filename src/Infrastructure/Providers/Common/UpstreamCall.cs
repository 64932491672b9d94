using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Sends one upstream request under a timeout, telling a timeout apart from the client leaving.</summary>
internal static class UpstreamCall
{
    public static async Task<Result<HttpResponseMessage>> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string provider,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    return await UpstreamErrors.FromResponseAsync(provider, response, timeoutSource.Token).ConfigureAwait(false);
                }
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UpstreamErrors.TimedOut(provider, timeout);
        }
        catch (HttpRequestException ex)
        {
            return UpstreamErrors.ConnectionFailed(provider, ex);
        }
        catch (IOException ex)
        {
            return UpstreamErrors.ConnectionFailed(provider, ex);
        }
    }

    /// <summary>Reads a whole (non-streamed) body under the same timeout.</summary>
    public static async Task<Result<T>> ReadJsonAsync<T>(
        HttpResponseMessage response,
        Func<Stream, CancellationToken, ValueTask<T?>> parse,
        string provider,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeoutSource.Token).ConfigureAwait(false);
            var value = await parse(body, timeoutSource.Token).ConfigureAwait(false);
            return value is null ? UpstreamErrors.BadAnswer(provider, "empty body") : value;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UpstreamErrors.TimedOut(provider, timeout);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return UpstreamErrors.BadAnswer(provider, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return UpstreamErrors.ConnectionFailed(provider, ex);
        }
        catch (IOException ex)
        {
            return UpstreamErrors.ConnectionFailed(provider, ex);
        }
    }
}
