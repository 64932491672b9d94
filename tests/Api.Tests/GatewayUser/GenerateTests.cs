using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary><c>/v1/generate</c> through the whole gateway, with sessions as history, streaming and cancellation.</summary>
public sealed class GenerateTests : GatewayUserFixture
{
    [Test]
    public async Task Generate_AnswersWithTheMockModelsText_AndItsUsage()
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "Hello there" }, parameters = new { temperature = 0.5, max_tokens = 50 } }, token);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Str("model").Should().Be("demo");
        reply.Str("modality").Should().Be("text");
        reply.Json.GetProperty("output").GetProperty("text").GetString().Should().Be("This is a mock answer from demo-model. You said: Hello there");
        reply.Json.GetProperty("usage").GetProperty("total_tokens").GetInt64().Should().BeGreaterThan(0);
        reply.Str("request_id").Should().Be(reply.Headers.GetValues("x-request-id").Single());
    }

    [Test]
    public async Task Generate_InASession_SendsItsHistory_AndRecordsTheTurn()
    {
        var (_, token, _) = await RegisterAsync();
        var session = (await Http.PostAsync("/v1/sessions", new { title = "chat" }, token)).Str("id");

        var first = await Http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "one" }, session_id = session }, token);
        first.Status.Should().Be(HttpStatusCode.OK, first.Text);
        first.Str("session_id").Should().Be(session);
        var second = await Http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "two" }, session_id = session }, token);
        second.Status.Should().Be(HttpStatusCode.OK, second.Text);
        second.Json.GetProperty("usage").GetProperty("prompt_tokens").GetInt64()
            .Should().BeGreaterThan(first.Json.GetProperty("usage").GetProperty("prompt_tokens").GetInt64(), "the first turn went along as history");

        var view = await Http.GetAsync("/v1/sessions/" + session, token);
        var messages = view.Json.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).Should().Equal("user", "assistant", "user", "assistant");
        messages[2].GetProperty("content").GetString().Should().Be("two");
        messages[3].GetProperty("content").GetString().Should().EndWith("You said: two");

        (await Http.PostAsync("/v1/sessions/" + session + "/reset", new { }, token)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync("/v1/sessions/" + session, token)).Json.GetProperty("messages").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Generate_Streamed_SendsTheTextAsEvents_ThenUsage()
    {
        var (_, token, _) = await RegisterAsync();
        var session = (await Http.PostAsync("/v1/sessions", new { }, token)).Str("id");

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/generate")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { model = "demo", modality = "text", input = new { prompt = "stream me" }, stream = true, session_id = session }),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        events[^1].Should().Be("[DONE]");
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
        var text = string.Concat(chunks.Where(c => c.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object).Select(c => c.GetProperty("output").GetProperty("text").GetString()));
        text.Should().Be("This is a mock answer from demo-model. You said: stream me");
        chunks[^1].GetProperty("done").GetBoolean().Should().BeTrue();
        chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt64().Should().BeGreaterThan(0);

        var messages = (await Http.GetAsync("/v1/sessions/" + session, token)).Json.GetProperty("messages");
        messages.GetArrayLength().Should().Be(2);
        messages[1].GetProperty("content").GetString().Should().Be(text);
    }

    [Test]
    public async Task ARunningGeneration_CanBeSeenAndCancelled()
    {
        var (_, token, _) = await RegisterAsync();
        var requestId = "req_gen_" + Guid.NewGuid().ToString("N");

        var started = DateTime.UtcNow;
        var call = SlowGeneration.SendAsync(Api.Client, token, requestId);

        AdminHttpReply? status = null;
        for (var i = 0; i < 50; i++)
        {
            var reply = await Http.GetAsync($"/v1/requests/{requestId}/status", token);
            if (reply.Status == HttpStatusCode.OK)
            {
                status = new AdminHttpReply(reply.Str("status"));
                break;
            }

            await Task.Delay(50);
        }

        status.Should().NotBeNull("the running request is tracked");
        status!.Status.Should().Be("running");
        var other = await RegisterAsync();
        (await Http.GetAsync($"/v1/requests/{requestId}/status", other.Token)).Status.Should().Be(HttpStatusCode.NotFound, "another user's request is not found");

        var cancel = await Http.PostAsync($"/v1/requests/{requestId}/cancel", new { }, token);
        cancel.Status.Should().Be(HttpStatusCode.OK, cancel.Text);
        cancel.Json.GetProperty("cancelled").GetBoolean().Should().BeTrue();

        using var response = await call;
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(4), "the upstream call was cancelled, not waited for");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        (await Http.GetAsync($"/v1/requests/{requestId}/status", token)).Str("status").Should().Be("cancelled");
        var again = await Http.PostAsync($"/v1/requests/{requestId}/cancel", new { }, token);
        again.Json.GetProperty("cancelled").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task ACompletedGeneration_IsKeptForLookUp()
    {
        var (_, token, _) = await RegisterAsync();

        var done = await Http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "x" } }, token);
        var status = await Http.GetAsync($"/v1/requests/{done.Str("request_id")}/status", token);

        status.Status.Should().Be(HttpStatusCode.OK, status.Text);
        status.Str("status").Should().Be("completed");
        (await Http.GetAsync("/v1/requests/req_unknown/status", token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.PostAsync("/v1/requests/req_unknown/cancel", new { }, token)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase("""{"model":"demo","modality":"image","input":{"prompt":"a cat"}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text","input":{}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"modality":"text","input":{"prompt":"x"}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text","input":{"prompt":"x"},"parameters":{"temperature":3}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text","input":{"prompt":"x"},"parameters":{"max_tokens":0}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text","input":{"prompt":"x","images":["a"]}}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"demo","modality":"text","input":"x"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"nope","modality":"text","input":{"prompt":"x"}}""", HttpStatusCode.NotFound)]
    [TestCase("""{"model":"demo","modality":"text","input":{"prompt":"x"},"session_id":"not-mine"}""", HttpStatusCode.NotFound)]
    public async Task Generate_WithABadRequest_GetsAClear4xx(string body, HttpStatusCode expected)
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/generate", body, token);

        reply.Status.Should().Be(expected, reply.Text);
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
    }

    private sealed record AdminHttpReply(string Status);
}
