using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>A batch interrupted by a stop resumes on the next process without running a finished line twice.</summary>
public sealed class BatchRestartTests
{
    [Test]
    public async Task Batch_WhenTheServerStopsMidway_ResumesOnTheNextServerRunningEachLineOnce()
    {
        await using var fake = await FakeUpstreamServer.StartAsync();
        fake.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromMilliseconds(300)));
        await using var database = await TestDatabase.CreateAsync("batchrestart");
        var storage = Path.Combine(Path.GetTempPath(), "llmplatform-files-restart-" + Guid.NewGuid().ToString("N"));
        var config = $"""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {fake.BaseUrl}
                  api_key: sk-fake-upstream
            general_settings:
              batch_max_concurrency: 2
              files_storage_path: {storage}
            """;
        var lines = Enumerable.Range(1, 12).Select(i => JobsHttp.ChatLine($"r-{i}", "gpt", $"r-{i}")).ToArray();
        string key;
        string batchId;
        int completedBeforeStop;

        var first = await ApiServer.StartAsync(config, database);
        try
        {
            key = await JobsHttp.TeamKeyAsync(first);
            var fileId = (await JobsHttp.UploadAsync(first, key, "batch", "input.jsonl", JobsHttp.Jsonl(lines))).Str("id");
            batchId = await BatchesHttp.CreateAsync(first, key, fileId);
            var running = await BatchesHttp.WaitAsync(first, key, batchId, b => BatchesHttp.Count(b, "completed") >= 3);
            completedBeforeStop = BatchesHttp.Count(running, "completed");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var stoppedAt = await database.ScalarAsync<int>("SELECT completed_count FROM batches WHERE batch_id = @id", ("id", batchId));
        await using var second = await ApiServer.StartAsync(config, database);
        var done = await BatchesHttp.WaitAsync(second, key, batchId, b => BatchesHttp.Is(b, "completed"));

        stoppedAt.Should().BeGreaterThanOrEqualTo(completedBeforeStop).And.BeLessThan(12, "the stop came mid-batch");
        BatchesHttp.Count(done, "completed").Should().Be(12);
        BatchesHttp.Count(done, "total").Should().Be(12);
        var calls = BatchesHttp.UpstreamCalls(fake);
        calls.Keys.Should().BeEquivalentTo(Enumerable.Range(1, 12).Select(i => $"r-{i}"));
        calls.Values.Should().OnlyContain(n => n == 1, "no finished line runs twice");
        (await BatchesHttp.LinesAsync(second, key, done.GetProperty("output_file_id").GetString()!)).Should().HaveCount(12);
        Directory.Delete(storage, recursive: true);
    }
}
