using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>A batch still running 24 hours after creation ends expired, its unrun lines in the error file.</summary>
public sealed class BatchExpiryTests
{
    [Test]
    public async Task Batch_StillRunningAfter24Hours_EndsExpiredWithUnrunLinesInTheErrorFile()
    {
        var clock = new ShiftableTimeProvider();
        await using var fake = await FakeUpstreamServer.StartAsync();
        fake.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromMilliseconds(300)));
        await using var api = await ApiServer.StartAsync(
            $"""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {fake.BaseUrl}
                  api_key: sk-fake-upstream
            general_settings:
              batch_max_concurrency: 1
            """,
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var key = await JobsHttp.TeamKeyAsync(api);
        var lines = Enumerable.Range(1, 20).Select(i => JobsHttp.ChatLine($"x-{i}", "gpt", $"x-{i}")).ToArray();
        var fileId = (await JobsHttp.UploadAsync(api, key, "batch", "input.jsonl", JobsHttp.Jsonl(lines))).Str("id");
        var batchId = await BatchesHttp.CreateAsync(api, key, fileId);
        await BatchesHttp.WaitAsync(api, key, batchId, b => BatchesHttp.Count(b, "completed") >= 1);

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var expired = await BatchesHttp.WaitAsync(api, key, batchId, b => BatchesHttp.Is(b, "expired"), TimeSpan.FromSeconds(15));

        expired.GetProperty("expired_at").ValueKind.Should().Be(JsonValueKind.Number);
        var completed = BatchesHttp.Count(expired, "completed");
        completed.Should().BeInRange(1, 19);
        (await BatchesHttp.LinesAsync(api, key, expired.GetProperty("output_file_id").GetString()!)).Should().HaveCount(completed);
        var unrun = await BatchesHttp.LinesAsync(api, key, expired.GetProperty("error_file_id").GetString()!);
        unrun.Should().HaveCount(20 - completed);
        unrun.Should().OnlyContain(l => l.GetProperty("error").GetProperty("code").GetString() == "batch_expired"
            && l.GetProperty("response").ValueKind == JsonValueKind.Null);
    }
}
