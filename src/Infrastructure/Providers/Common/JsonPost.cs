using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Posts one JSON body upstream and reads one JSON answer, with source-generated serialization both ways.</summary>
internal static class JsonPost
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<Result<TResponse>> SendAsync<TRequest, TResponse>(
        HttpClient http,
        Uri uri,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        Action<HttpRequestMessage> authorize,
        string provider,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType)),
        };
        message.Content.Headers.ContentType = Json;
        authorize(message);
        return await UpstreamCall.SendForJsonAsync(
            http,
            message,
            (stream, ct) => JsonSerializer.DeserializeAsync(stream, responseType, ct),
            provider,
            timeout,
            cancellationToken).ConfigureAwait(false);
    }
}
