using System.ClientModel;
using System.Net;
using System.Text;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Files;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>The files API with the official SDK and raw HTTP: upload, list, get, content, delete, owners, limits, batch checks.</summary>
public sealed class FilesTests
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "llmplatform-files-test-" + Guid.NewGuid().ToString("N"));
    private ApiServer _api = null!;
    private AdminHttp _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: demo
                litellm_params:
                  model: mock/demo-model
            general_settings:
              files_storage_path: {_storage}
              files_max_bytes:
                assistants: 1024
            """);
        _http = new AdminHttp(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    private OpenAIFileClient Files(string key) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = _api.OpenAiEndpoint });

    [Test]
    public async Task UploadFile_WithSdk_ReturnsTheFileAndItsContentRoundTrips()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var content = JobsHttp.Jsonl(JobsHttp.ChatLine("a", "demo"), JobsHttp.ChatLine("b", "demo"));

        var uploaded = (await Files(key).UploadFileAsync(new MemoryStream(content), "input.jsonl", FileUploadPurpose.Batch)).Value;

        uploaded.Id.Should().StartWith("file-");
        uploaded.Filename.Should().Be("input.jsonl");
        uploaded.SizeInBytes.Should().Be(content.Length);
        uploaded.Purpose.Should().Be(FilePurpose.Batch);
        var fetched = (await Files(key).GetFileAsync(uploaded.Id)).Value;
        fetched.Id.Should().Be(uploaded.Id);
        var downloaded = (await Files(key).DownloadFileAsync(uploaded.Id)).Value;
        downloaded.ToArray().Should().Equal(content);
        var listed = (await Files(key).GetFilesAsync(FilePurpose.Batch)).Value;
        listed.Select(f => f.Id).Should().Contain(uploaded.Id);
    }

    [Test]
    public async Task GetFile_WithRawHttp_HasOpenAisShapeAndIsServedWithoutV1()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var uploaded = await JobsHttp.UploadAsync(_api, key, "user_data", "notes.txt", Encoding.UTF8.GetBytes("hello"), purposeFirst: true);
        uploaded.Status.Should().Be(HttpStatusCode.OK, uploaded.Text);

        var fetched = await _http.GetAsync("/files/" + uploaded.Str("id"), key);

        fetched.Status.Should().Be(HttpStatusCode.OK);
        fetched.Str("object").Should().Be("file");
        fetched.Str("status").Should().Be("processed");
        fetched.Str("purpose").Should().Be("user_data");
        fetched.Json.GetProperty("bytes").GetInt64().Should().Be(5);
        fetched.Json.GetProperty("created_at").GetInt64().Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
    }

    [Test]
    public async Task DeleteFile_WhenOwned_RemovesMetadataAndContent()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var uploaded = (await Files(key).UploadFileAsync(new MemoryStream(Encoding.UTF8.GetBytes("bye")), "bye.txt", FileUploadPurpose.Assistants)).Value;

        var deleted = (await Files(key).DeleteFileAsync(uploaded.Id)).Value;

        deleted.Deleted.Should().BeTrue();
        deleted.FileId.Should().Be(uploaded.Id);
        (await _http.GetAsync("/v1/files/" + uploaded.Id, key)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _http.GetAsync("/v1/files/" + uploaded.Id + "/content", key)).Status.Should().Be(HttpStatusCode.NotFound);
        Directory.GetFiles(_storage, uploaded.Id + "*").Should().BeEmpty();
    }

    [Test]
    public async Task ListFiles_WithLimitAndAfter_PagesNewestFirst()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await JobsHttp.UploadAsync(_api, key, "user_data", $"f{i}.txt", [(byte)'x'])).Str("id"));
            await Task.Delay(20);
        }

        var first = await _http.GetAsync("/v1/files?limit=2", key);
        var second = await _http.GetAsync("/v1/files?limit=2&after=" + first.Str("last_id"), key);

        first.Str("object").Should().Be("list");
        first.Json.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().Equal(ids[2], ids[1]);
        first.Str("first_id").Should().Be(ids[2]);
        first.Json.GetProperty("has_more").GetBoolean().Should().BeTrue();
        second.Json.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().Equal(ids[0]);
        second.Json.GetProperty("has_more").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task ListFiles_WithLimitOutOfRange_Is400()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);

        var reply = await _http.GetAsync("/v1/files?limit=0", key);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorType.Should().Be("invalid_request_error");
    }

    [Test]
    public async Task GetFile_FromAnotherTeamsKey_Is404AndNotListed()
    {
        var owner = await JobsHttp.TeamKeyAsync(_api);
        var stranger = await JobsHttp.TeamKeyAsync(_api);
        var id = (await JobsHttp.UploadAsync(_api, owner, "user_data", "secret.txt", Encoding.UTF8.GetBytes("secret"))).Str("id");

        var get = await _http.GetAsync("/v1/files/" + id, stranger);
        var content = await _http.GetAsync("/v1/files/" + id + "/content", stranger);
        var delete = await _http.SendAsync(HttpMethod.Delete, "/v1/files/" + id, null, stranger);
        var list = await _http.GetAsync("/v1/files", stranger);
        var asAdmin = await _http.GetAsync("/v1/files/" + id, ApiServer.MasterKey);

        get.Status.Should().Be(HttpStatusCode.NotFound);
        get.ErrorType.Should().Be("not_found_error");
        get.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("not_found");
        content.Status.Should().Be(HttpStatusCode.NotFound);
        delete.Status.Should().Be(HttpStatusCode.NotFound);
        list.Json.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().NotContain(id);
        asAdmin.Status.Should().Be(HttpStatusCode.OK);
        (await _http.GetAsync("/v1/files/" + id, owner)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task UploadFile_OverThePurposeLimit_Is413WithTheEnvelopeAndLeavesNoBlob()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var before = Directory.Exists(_storage) ? Directory.GetFiles(_storage).Length : 0;

        var reply = await JobsHttp.UploadAsync(_api, key, "assistants", "big.bin", new byte[4096], purposeFirst: true);
        var late = await JobsHttp.UploadAsync(_api, key, "assistants", "big.bin", new byte[4096], purposeFirst: false);

        reply.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge, reply.Text);
        reply.ErrorType.Should().Be("invalid_request_error");
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("1024");
        late.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge, late.Text);
        Directory.GetFiles(_storage).Length.Should().Be(before);
    }

    [Test]
    public async Task UploadBatchFile_WithABadLine_Is400NamingTheLine()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var content = JobsHttp.Jsonl(
            JobsHttp.ChatLine("a", "demo"),
            JobsHttp.ChatLine("b", "demo"),
            """{"custom_id":"c","method":"POST","url":"/v1/images/generations","body":{"model":"demo"}}""");

        var reply = await JobsHttp.UploadAsync(_api, key, "batch", "bad.jsonl", content);
        var notJson = await JobsHttp.UploadAsync(_api, key, "batch", "bad.jsonl", JobsHttp.Jsonl(JobsHttp.ChatLine("a", "demo"), "{oops"), purposeFirst: true);
        var duplicate = await JobsHttp.UploadAsync(_api, key, "batch", "dup.jsonl", JobsHttp.Jsonl(JobsHttp.ChatLine("a", "demo"), JobsHttp.ChatLine("a", "demo")));

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().StartWith("Line 3 ").And.Contain("url");
        reply.Json.GetProperty("error").GetProperty("param").GetString().Should().Be("file");
        notJson.Json.GetProperty("error").GetProperty("message").GetString().Should().StartWith("Line 2 ");
        duplicate.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("Line 2").And.Contain("custom_id");
        (await _http.GetAsync("/v1/files?purpose=batch", key)).Json.GetProperty("data").GetArrayLength().Should().Be(0);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task UploadBatchFile_WithALineLongerThanTheLargestRequest_Is400NamingTheLine(bool purposeFirst)
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var content = JobsHttp.Jsonl(JobsHttp.ChatLine("a", "demo"), JobsHttp.ChatLine("b", "demo", new string('x', 11 * 1024 * 1024)));

        var reply = await JobsHttp.UploadAsync(_api, key, "batch", "long.jsonl", content, purposeFirst);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.Json.GetProperty("error").GetProperty("message").GetString().Should().StartWith("Line 2 ").And.Contain("longer than 10485760 bytes");
        (await _http.GetAsync("/v1/files?purpose=batch", key)).Json.GetProperty("data").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task UploadFile_WithAnUnknownPurposeOrNoFile_Is400()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);

        var unknown = await JobsHttp.UploadAsync(_api, key, "pictures", "a.txt", [1, 2, 3]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files") { Content = new MultipartFormDataContent { { new StringContent("batch"), "purpose" } } };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var noFile = await _api.Client.SendAsync(request);

        unknown.Status.Should().Be(HttpStatusCode.BadRequest);
        unknown.Json.GetProperty("error").GetProperty("param").GetString().Should().Be("purpose");
        noFile.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = System.Text.Json.JsonDocument.Parse(await noFile.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("error").GetProperty("message").GetString().Should().Contain("'file' is required");
    }

    [Test]
    public async Task UploadFile_LargerThanTheGeneralRequestLimit_IsAcceptedOnThisRouteAndStreamsBack()
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var content = new byte[12 * 1024 * 1024];
        new Random(7).NextBytes(content);

        var reply = await JobsHttp.UploadAsync(_api, key, "user_data", "big.bin", content, purposeFirst: true);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json.GetProperty("bytes").GetInt64().Should().Be(content.Length);
        var downloaded = (await Files(key).DownloadFileAsync(reply.Str("id"))).Value.ToArray();
        downloaded.Should().Equal(content);
    }
}
