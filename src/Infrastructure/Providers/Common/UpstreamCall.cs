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
        catch (Exception ex) when (Failure(ex, provider, timeout, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// Sends one upstream request and reads its whole (non-streamed) JSON answer, both under one timeout: the
    /// timeout bounds the call, not each half of it, and one timer serves the request.
    /// </summary>
    public static Task<Result<T>> SendForJsonAsync<T>(
        HttpClient client,
        HttpRequestMessage request,
        Func<Stream, CancellationToken, ValueTask<T?>> parse,
        string provider,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class =>
        SendForContentAsync(
            client,
            request,
            async (content, ct) =>
            {
                await using var body = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                return await parse(body, ct).ConfigureAwait(false);
            },
            provider,
            timeout,
            cancellationToken);

    /// <summary><see cref="SendForJsonAsync{T}"/> for a reader that wants the answer's content itself (its headers too).</summary>
    public static async Task<Result<T>> SendForContentAsync<T>(
        HttpClient client,
        HttpRequestMessage request,
        Func<HttpContent, CancellationToken, ValueTask<T?>> parse,
        string provider,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await UpstreamErrors.FromResponseAsync(provider, response, timeoutSource.Token).ConfigureAwait(false);
            }

            var value = await parse(response.Content, timeoutSource.Token).ConfigureAwait(false);
            return value is null ? UpstreamErrors.BadAnswer(provider, "empty body") : value;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return UpstreamErrors.BadAnswer(provider, ex.Message);
        }
        catch (Exception ex) when (Failure(ex, provider, timeout, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// What a failed call tells the client: a timeout (ours, not the client leaving), or a connection that failed;
    /// null for anything else, which is not an upstream's fault and keeps propagating.
    /// </summary>
    private static Error? Failure(Exception ex, string provider, TimeSpan timeout, CancellationToken clientToken) => ex switch
    {
        OperationCanceledException when !clientToken.IsCancellationRequested => UpstreamErrors.TimedOut(provider, timeout),
        HttpRequestException or IOException => UpstreamErrors.ConnectionFailed(provider, ex),
        _ => null,
    };
}
