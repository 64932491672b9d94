using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Connector;

/// <summary>What the Connector tests share: keys made with the master key, chat calls, the envelope of a failure, waiting for caches.</summary>
internal static class ConnectorHttp
{
    public static async Task<(long Id, string Key)> ApplyAsync(AdminHttp http, object body)
    {
        var applied = await http.PostAsync("/admin/api-key/apply", body, ApiServer.MasterKey);
        applied.Status.Should().Be(HttpStatusCode.OK, applied.Text);
        var data = applied.Json.GetProperty("data");
        return (data.GetProperty("id").GetInt64(), data.GetProperty("api_key").GetString()!);
    }

    public static Task<AdminHttp.Reply> ChatAsync(AdminHttp http, string model, string key) =>
        http.PostAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = "hi" } } }, key);

    /// <summary>Sends a request that must fail with <paramref name="status"/> in <c>{"success": false, "data": "..."}</c>.</summary>
    public static async Task ExpectFailureAsync(AdminHttp http, string method, string path, string? body, int status)
    {
        var reply = await http.SendAsync(new HttpMethod(method), path, body, ApiServer.MasterKey);
        ((int)reply.Status).Should().Be(status, reply.Text);
        reply.Json.GetProperty("success").GetBoolean().Should().BeFalse(reply.Text);
        reply.Json.GetProperty("data").GetString().Should().NotBeNullOrEmpty();
    }

    /// <summary>Waits up to five seconds for a change to reach the key cache.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the change should take effect within seconds");
            await Task.Delay(100);
        }
    }
}
