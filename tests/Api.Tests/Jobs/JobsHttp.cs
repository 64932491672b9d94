using System.Net.Http.Headers;
using System.Text;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Keys and teams for the files and batches tests, and raw multipart uploads.</summary>
internal static class JobsHttp
{
    public static async Task<string> TeamKeyAsync(ApiServer api, IEnumerable<string>? models = null)
    {
        var http = new AdminHttp(api.Client);
        var team = await http.PostAsync("/team/new", new { team_alias = "team-" + Guid.NewGuid().ToString("N")[..8] }, ApiServer.MasterKey);
        var teamId = team.Str("team_id");
        object body = models is null ? new { team_id = teamId } : new { team_id = teamId, models = models.ToArray() };
        var key = await http.PostAsync("/key/generate", body, ApiServer.MasterKey);
        return key.Str("key");
    }

    public static async Task<AdminHttp.Reply> UploadAsync(ApiServer api, string key, string purpose, string filename, byte[] content, bool purposeFirst = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (purposeFirst)
        {
            form.Add(new StringContent(purpose), "purpose");
            form.Add(file, "file", filename);
        }
        else
        {
            form.Add(file, "file", filename);
            form.Add(new StringContent(purpose), "purpose");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
        return new AdminHttp.Reply(response.StatusCode, json, text, response.Headers);
    }

    public static byte[] Jsonl(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static string ChatLine(string customId, string model, string content = "hi") =>
        $$$"""{"custom_id":"{{{customId}}}","method":"POST","url":"/v1/chat/completions","body":{"model":"{{{model}}}","messages":[{"role":"user","content":"{{{content}}}"}]}}""";
}
