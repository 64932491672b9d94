using System.ClientModel;
using System.Diagnostics;
using System.Text;
using LlmPlatform.Api.Hosting;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>
/// The API process started the way operators start it (not the in-process host the other tests build) answers
/// through a real upstream, streamed and not, and reads large stored values back. It is started with the runtime's
/// inline socket completions asked for, which the process must refuse: with them, a database read of a value still
/// arriving waits on the socket event thread that alone could deliver it (the in-process host cannot test this, as
/// the runtime reads that switch once per process).
/// </summary>
public sealed class ProcessServingTests
{
    private static string ApiDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "LlmPlatform.Api.dll");

    [Test]
    public async Task Process_AnswersThroughAnUpstream_StreamedAndNot_SeveralAtOnce()
    {
        await using var fake = await FakeUpstreamServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync("proc");
        var config = Path.Combine(Path.GetTempPath(), $"llmplatform-process-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, $"""
            model_list:
              - model_name: group
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {fake.BaseUrl}/v1
                  api_key: sk-upstream
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ApiDll, "--urls", "http://127.0.0.1:0", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DATABASE_URL"] = database.Url;
        start.Environment["REDIS_URL"] = TestEnvironment.RedisUrl;
        start.Environment["LLMPLATFORM_MASTER_KEY"] = ApiServer.MasterKey;
        start.Environment[SocketDefaults.InlineCompletions] = "1";
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            const string Marker = "Now listening on: ";
            if (line.Data?.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
            {
                listening.TrySetResult(new Uri(line.Data[(at + Marker.Length)..].Trim() + "/"));
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the API process exited before it listened"));
        process.Start();
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var baseUri = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var client = new ChatClient("group", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = new Uri(baseUri, "v1") });

            // Several at once, so that some share a socket event thread.
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                if (i % 2 == 0)
                {
                    var whole = await client.CompleteChatAsync([new UserChatMessage($"whole {i}")]);
                    return whole.Value.Content[0].Text;
                }

                var text = new StringBuilder();
                await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage($"streamed {i}")]))
                {
                    foreach (var part in update.ContentUpdate)
                    {
                        text.Append(part.Text);
                    }
                }

                return text.ToString();
            }));

            answers.Should().HaveCount(8).And.OnlyContain(text => text.StartsWith("Fake word1", StringComparison.Ordinal));

            // An upstream that pauses between chunks: each chunk still goes out when it comes in.
            fake.Script.SetDefault(Routes.OpenAiChat, new Behavior { Text = "one two three four", ChunkDelay = TimeSpan.FromMilliseconds(150) });
            var clock = Stopwatch.StartNew();
            var arrivals = new List<(TimeSpan At, string Text)>();
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("paced")]))
            {
                arrivals.AddRange(update.ContentUpdate.Where(part => part.Text.Length > 0).Select(part => (clock.Elapsed, part.Text)));
            }

            string.Concat(arrivals.Select(a => a.Text)).Should().Be("one two three four");
            for (var i = 1; i < arrivals.Count; i++)
            {
                (arrivals[i].At - arrivals[i - 1].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(80), "chunk {0} goes out when the upstream sends it", i);
            }

            // A stored value of several megabytes arrives from PostgreSQL over many reads; each read-back answers
            // promptly, the same thread or not.
            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", ApiServer.MasterKey);
            var blob = new string('m', 3 * 1024 * 1024);
            using var generated = await http.PostAsync("key/generate", new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { metadata = new { blob } }), Encoding.UTF8, "application/json"));
            generated.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
            using var key = System.Text.Json.JsonDocument.Parse(await generated.Content.ReadAsStringAsync());
            var secret = key.RootElement.GetProperty("key").GetString();
            for (var i = 0; i < 4; i++)
            {
                using var info = await http.GetAsync($"key/info?key={Uri.EscapeDataString(secret!)}");
                info.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
                (await info.Content.ReadAsStringAsync()).Should().Contain(blob);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(config);
        }

        var errors = await stderr;
        errors.Should().NotContain("Exception");
        errors.Should().Contain($"{SocketDefaults.InlineCompletions}=1 is not honoured", "the refused setting is named where operators look");
    }
}
