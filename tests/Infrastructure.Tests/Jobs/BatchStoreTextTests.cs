using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Infrastructure.Jobs;
using LlmPlatform.Infrastructure.Tests.Persistence;

namespace LlmPlatform.Infrastructure.Tests.Jobs;

/// <summary>
/// A line's error message and a batch's errors may quote what the line held; a NUL quoted there is stored as U+FFFD,
/// so that recording the result cannot fail, and leave the line to run again, for ever.
/// </summary>
public sealed class BatchStoreTextTests
{
    private MigratedDatabase _database = null!;
    private BatchStore _store = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await MigratedDatabase.CreateAsync("batchstore");
        _store = new BatchStore(_database.DataSource);
        var now = DateTimeOffset.UtcNow;
        await _store.InsertAsync(
            new StoredBatch
            {
                Id = "batch_text",
                Owner = "owner",
                KeyHash = "key-hash",
                Endpoint = BatchEndpoints.ChatCompletions,
                InputFileId = "file-text",
                CompletionWindow = "24h",
                Status = BatchStatuses.Validating,
                CreatedAt = now,
                ExpiresAt = now.AddDays(1),
            },
            CancellationToken.None);
        await _store.InsertLinesAsync("batch_text", [new BatchLine(1, "batch_req_text", "line-1", "{}")], CancellationToken.None);
    }

    [TearDown]
    public Task TearDownAsync() => _database.DisposeAsync().AsTask();

    [Test]
    public async Task FinishLine_WithANulInTheErrorMessage_StoresItAsTheReplacementCharacter()
    {
        var result = new BatchLineResult(1, "batch_req_text", "line-1", BatchLineResult.Failed, null, null, "model_not_found", "No model 'a\0b'.");

        await _store.FinishLineAsync("batch_text", result, DateTimeOffset.UtcNow, CancellationToken.None);

        (await _database.Database.ScalarAsync<string>("SELECT error_message FROM batch_requests WHERE batch_id = 'batch_text'")).Should().Be("No model 'a\uFFFDb'.");
        (await _database.Database.ScalarAsync<int>("SELECT failed_count FROM batches WHERE batch_id = 'batch_text'")).Should().Be(1);
    }

    [Test]
    public async Task Fail_WithANulInAnErrorMessage_FailsTheBatchWithItReplaced()
    {
        var errors = new BatchErrors([new BatchError("model_not_found", "Line 1: the model 'a\0b' does not exist on this gateway.", "body.model", 1)]);

        (await _store.FailAsync("batch_text", errors, DateTimeOffset.UtcNow, CancellationToken.None)).Should().BeTrue();

        var stored = await _store.GetAsync("batch_text", null, CancellationToken.None);
        stored!.Status.Should().Be(BatchStatuses.Failed);
        stored.Errors!.Data.Should().ContainSingle().Which.Message.Should().Be("Line 1: the model 'a\uFFFDb' does not exist on this gateway.");
    }
}
