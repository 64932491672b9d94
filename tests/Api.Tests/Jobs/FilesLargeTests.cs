using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>
/// A 400 MB file up and down through the files API with the API's managed heap watched meanwhile. The API runs in
/// this process and fixtures run one after another (the project sets no parallelism), so the heap growth seen here
/// is this upload and download: a copy of the file held anywhere would show as hundreds of MB.
/// </summary>
public sealed class FilesLargeTests
{
    private const long FileBytes = 400L * 1024 * 1024;
    private const long HeapGrowthBound = 100L * 1024 * 1024;

    private readonly string _storage = Path.Combine(Path.GetTempPath(), "llmplatform-files-large-" + Guid.NewGuid().ToString("N"));
    private ApiServer _api = null!;

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
                user_data: 536870912
            """);
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

    [TestCase(true, TestName = "UploadAndDownload_OfA400MbFileWithPurposeFirst_StreamBothWaysWithBoundedMemory")]
    [TestCase(false, TestName = "UploadAndDownload_OfA400MbFileWithPurposeLast_StreamBothWaysWithBoundedMemory")]
    public async Task UploadAndDownload_OfA400MbFile_StreamBothWaysWithBoundedMemory(bool purposeFirst)
    {
        var key = await JobsHttp.TeamKeyAsync(_api);
        var baseline = SettledHeap();
        using var sampler = new HeapSampler();

        var clock = Stopwatch.StartNew();
        await using var generated = new GeneratedContentStream(FileBytes, seed: 0x5EED_F11E);
        var uploaded = await UploadAsync(key, generated, purposeFirst);
        var uploadTime = clock.Elapsed;
        var (downloadedBytes, downloadedHash) = await DownloadHashAsync(key, uploaded.GetProperty("id").GetString()!);
        var downloadTime = clock.Elapsed - uploadTime;
        var (peakHeap, samples) = await sampler.StopAsync();

        var growth = peakHeap - baseline;
        TestContext.Out.WriteLine(
            $"{FileBytes / (1024 * 1024)} MB, purpose {(purposeFirst ? "first" : "last")}: upload {uploadTime.TotalSeconds:0.0} s, download {downloadTime.TotalSeconds:0.0} s; "
            + $"managed heap baseline {baseline / (1024 * 1024)} MB, peak {peakHeap / (1024 * 1024)} MB, growth {growth / (1024 * 1024)} MB over {samples} samples");
        uploaded.GetProperty("bytes").GetInt64().Should().Be(FileBytes);
        downloadedBytes.Should().Be(FileBytes);
        Convert.ToHexString(downloadedHash).Should().Be(Convert.ToHexString(generated.Sha256()));
        samples.Should().BeGreaterThan(10, "the sampler must have watched the transfer");
        growth.Should().BeLessThan(HeapGrowthBound, "neither the upload nor the download may hold the file in memory");
    }

    private async Task<JsonElement> UploadAsync(string key, Stream content, bool purposeFirst)
    {
        // A non-seekable StreamContent has no length, so HttpClient sends it chunked without buffering it either.
        // With the purpose last the API does not know while the file streams that it is not a batch file.
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content, 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (purposeFirst)
        {
            form.Add(new StringContent("user_data"), "purpose");
            form.Add(file, "file", "large.bin");
        }
        else
        {
            form.Add(file, "file", "large.bin");
            form.Add(new StringContent("user_data"), "purpose");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        using var response = await _api.Client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(long Bytes, byte[] Sha256)> DownloadHashAsync(string key, string fileId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/files/{fileId}/content");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        using var response = await _api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return (total, hash.GetHashAndReset());
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Samples the managed heap size (live objects plus garbage not yet collected) every 20 ms until stopped.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long Peak, int Samples)> _run;

        public HeapSampler()
        {
            _run = Task.Run(async () =>
            {
                long peak = 0;
                var samples = 0;
                while (!_stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    samples++;
                    try
                    {
                        await Task.Delay(20, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                return (peak, samples);
            });
        }

        public async Task<(long Peak, int Samples)> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run;
        }

        public void Dispose() => _stop.Dispose();
    }
}
