using System.Net.Http.Headers;
using System.Text;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>A <c>/v1/generate</c> call to the mock model <c>slow</c> (5 s) under a request id of the test's choosing.</summary>
internal static class SlowGeneration
{
    /// <summary>Sends it; the task ends with the answer (after 5 s, or sooner when the generation is cancelled).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/generate")
        {
            Content = new StringContent("""{"model":"slow","modality":"text","input":{"prompt":"take your time"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-request-id", requestId);
        return await client.SendAsync(request);
    }
}
