using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;

namespace LlmPlatform.Api.Tests.Gateway;

/// <summary>
/// How streamed chat chunks reach the client, read as raw Server-Sent Events: each one as soon as the upstream sent
/// it, and a burst of chunks as well-formed events, whether relayed as the upstream's bytes (OpenAI-compatible) or
/// translated (Anthropic).
/// </summary>
public sealed class StreamRelayTests : GatewayFixture
{
    private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(80);

    protected override string Config(string fakeBaseUrl) => $"""
        model_list:
          - model_name: relayed
            litellm_params:
              model: openai/relayed
              api_base: {fakeBaseUrl}/v1
              api_key: sk-upstream-relayed
          - model_name: translated
            litellm_params:
              model: anthropic/claude-translated
              api_base: {fakeBaseUrl}
              api_key: sk-ant-translated
        """;

    [TestCase("relayed", Routes.OpenAiChat)]
    [TestCase("translated", Routes.AnthropicMessages)]
    public async Task Stream_WhenTheUpstreamPausesBetweenChunks_EachChunkReachesTheClientAsItIsSent(string model, string route)
    {
        Fake.Script.SetDefault(route, Behavior.Answer() with { ChunkDelay = ChunkDelay });

        var events = await StreamAsync(model);

        var words = events.Where(e => e.Content.Length > 0).ToList();
        words.Should().HaveCount(Fake.Options.AnswerWords);
        // Held back until the upstream ended, the words would arrive together; relayed as they come, they arrive
        // about one pause apart.
        var spread = words[^1].At - words[0].At;
        spread.Should().BeGreaterThan(ChunkDelay * ((words.Count - 1) / 2.0), "no chunk waits in the gateway for the next");
    }

    [TestCase("relayed", Routes.OpenAiChat)]
    [TestCase("translated", Routes.AnthropicMessages)]
    public async Task Stream_WhenTheUpstreamSendsEveryChunkAtOnce_EachIsAWholeEventInOrder(string model, string route)
    {
        Fake.Script.SetDefault(route, Behavior.Answer());

        var events = await StreamAsync(model);

        var text = string.Concat(events.Select(e => e.Content));
        text.Should().Be(Fake.Options.DefaultAnswer());
        events.Should().Contain(e => e.FinishReason == "stop");
    }

    /// <summary>Streams one chat request and returns its events (all but <c>[DONE]</c>, which must end it) with their arrival times.</summary>
    private async Task<List<(TimeSpan At, string Content, string? FinishReason)>> StreamAsync(string model)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(
                $$"""{"model":"{{model}}","stream":true,"messages":[{"role":"user","content":"hi"}]}""",
                Encoding.UTF8,
                "application/json"),
        };
        var clock = Stopwatch.StartNew();
        using var response = await Api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");

        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body, Encoding.UTF8);
        var events = new List<(TimeSpan, string, string?)>();
        var lines = new List<string>();
        var done = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
                continue;
            }

            // A blank line ends an event, which must be exactly one data line.
            lines.Should().ContainSingle().Which.Should().StartWith("data: ");
            var data = lines[0]["data: ".Length..];
            lines.Clear();
            done.Should().BeFalse("nothing follows [DONE]");
            if (data == "[DONE]")
            {
                done = true;
                continue;
            }

            using var chunk = JsonDocument.Parse(data);
            var content = string.Empty;
            string? finish = null;
            foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("delta").TryGetProperty("content", out var part) && part.ValueKind == JsonValueKind.String)
                {
                    content += part.GetString();
                }

                if (choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                {
                    finish = reason.GetString();
                }
            }

            events.Add((clock.Elapsed, content, finish));
        }

        lines.Should().BeEmpty("the stream ends on an event boundary");
        done.Should().BeTrue("a whole answer ends with [DONE]");
        return events;
    }
}
