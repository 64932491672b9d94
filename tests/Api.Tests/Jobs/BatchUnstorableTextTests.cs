using System.Net;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>
/// A batch whose file holds text PostgreSQL cannot store (a NUL or an unpaired surrogate, in a file an older build
/// took before the upload check refused it, or in a field that check does not read) ends: failed with the line named,
/// or with that line failed, instead of being retried for ever.
/// </summary>
public sealed class BatchUnstorableTextTests
{
    private const string RefusingCheck = "ALTER TABLE batch_requests ADD CONSTRAINT refused_custom_id CHECK (custom_id <> 'refused-by-check')";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    private TestDatabase _database = null!;
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("batchtext");
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig, _database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [TearDown]
    public Task DropCheckAsync() => _database.ScalarAsync<object>("ALTER TABLE batch_requests DROP CONSTRAINT IF EXISTS refused_custom_id");

    // The escapes as they stand in the file.
    [TestCase(@"a\u0000b")]
    [TestCase(@"a\ud800b")]
    public async Task Batch_WhoseFileHasACustomIdPostgreSqlCannotStore_FailsNamingTheLine(string customId)
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var fileId = await StoredByAnOlderBuildAsync(key, JobsHttp.ChatLine("fine", "demo"), JobsHttp.ChatLine(customId, "demo"));

        var batchId = await BatchesHttp.CreateAsync(_api, key, fileId);
        var failed = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "failed"), Within);

        var error = failed.GetProperty("errors").GetProperty("data").EnumerateArray().Should().ContainSingle().Subject;
        error.GetProperty("code").GetString().Should().Be("invalid_text");
        error.GetProperty("param").GetString().Should().Be("custom_id");
        error.GetProperty("line").GetInt32().Should().Be(2);
        (await LinesStoredAsync(batchId)).Should().Be(0);
    }

    [Test]
    public async Task Batch_WithANulInAModelName_FailsWithModelNotFound_AndTheNulReplacedInTheMessage()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var upload = await JobsHttp.UploadAsync(_api, key, "batch", "input.jsonl", JobsHttp.Jsonl(JobsHttp.ChatLine("m", @"de\u0000mo")));
        upload.Status.Should().Be(HttpStatusCode.OK, "the upload check reads no further than that the model is a string");

        var batchId = await BatchesHttp.CreateAsync(_api, key, upload.Str("id"));
        var failed = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "failed"), Within);

        var error = failed.GetProperty("errors").GetProperty("data")[0];
        error.GetProperty("code").GetString().Should().Be("model_not_found");
        error.GetProperty("line").GetInt32().Should().Be(1);
        error.GetProperty("message").GetString().Should().Contain("de\uFFFDmo");
    }

    [Test]
    public async Task Batch_WhoseLinesTheDatabaseRefuses_FailsInsteadOfStayingValidating()
    {
        await _database.ScalarAsync<object>(RefusingCheck);
        var key = await JobsHttp.TeamKeyAsync(_api);
        var upload = await JobsHttp.UploadAsync(_api, key, "batch", "input.jsonl", JobsHttp.Jsonl(JobsHttp.ChatLine("fine", "demo"), JobsHttp.ChatLine("refused-by-check", "demo")));

        var batchId = await BatchesHttp.CreateAsync(_api, key, upload.Str("id"));
        var failed = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "failed"), Within);

        var error = failed.GetProperty("errors").GetProperty("data")[0];
        error.GetProperty("code").GetString().Should().Be("line_not_stored");
        error.GetProperty("message").GetString().Should().Contain("1 to 2").And.Contain("23514");
        (await LinesStoredAsync(batchId)).Should().Be(0);
    }

    [Test]
    public async Task Batch_WithANulInALinesEndUser_Completes_WithThatLineFailedAsInvalidText()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var upload = await JobsHttp.UploadAsync(
            _api,
            key,
            "batch",
            "input.jsonl",
            JobsHttp.Jsonl(
                JobsHttp.ChatLine("fine", "demo"),
                """{"custom_id":"nul-user","method":"POST","url":"/v1/chat/completions","body":{"model":"demo","user":"a\u0000b","messages":[{"role":"user","content":"hi"}]}}"""));

        var batchId = await BatchesHttp.CreateAsync(_api, key, upload.Str("id"));
        var done = await BatchesHttp.WaitAsync(_api, key, batchId, b => BatchesHttp.Is(b, "completed"), Within);

        BatchesHttp.Count(done, "completed").Should().Be(1);
        BatchesHttp.Count(done, "failed").Should().Be(1);
        var failedLine = (await BatchesHttp.LinesAsync(_api, key, done.GetProperty("error_file_id").GetString()!)).Should().ContainSingle().Subject;
        failedLine.GetProperty("custom_id").GetString().Should().Be("nul-user");
        failedLine.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_text");
    }

    /// <summary>A file as an older build kept it: uploaded with placeholder lines, its stored content then replaced.</summary>
    private async Task<string> StoredByAnOlderBuildAsync(string key, params string[] lines)
    {
        var placeholder = lines.Select((_, i) => JobsHttp.ChatLine($"placeholder-{i}", "demo")).ToArray();
        var upload = await JobsHttp.UploadAsync(_api, key, "batch", "input.jsonl", JobsHttp.Jsonl(placeholder));
        upload.Status.Should().Be(HttpStatusCode.OK, upload.Text);
        var fileId = upload.Str("id");
        var blobKey = await _database.ScalarAsync<string>("SELECT blob_key FROM files WHERE file_id = @id", ("id", fileId));
        using var content = new MemoryStream(JobsHttp.Jsonl(lines));
        await _api.Services.GetRequiredService<IFileBlobStore>().SaveAsync(blobKey!, content, CancellationToken.None);
        return fileId;
    }

    private Task<long> LinesStoredAsync(string batchId) =>
        _database.ScalarAsync<long>("SELECT count(*) FROM batch_requests WHERE batch_id = @id", ("id", batchId));
}
