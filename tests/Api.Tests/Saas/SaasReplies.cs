using System.Net;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Saas;

/// <summary>Reading the SaaS dialect's error bodies, and making a team with a key of its own.</summary>
internal static class SaasReplies
{
    /// <summary>The <c>detail</c> text of an error answer, after checking its status.</summary>
    public static string Detail(this AdminHttp.Reply reply, HttpStatusCode status)
    {
        reply.Status.Should().Be(status, reply.Text);
        reply.Json.GetProperty("detail").ValueKind.Should().Be(JsonValueKind.String, reply.Text);
        return reply.Json.GetProperty("detail").GetString()!;
    }

    /// <summary>Checks that the answer is a 422 whose first item names the body field and the kind of failure.</summary>
    public static void ShouldBeInvalid(this AdminHttp.Reply reply, string field, string type = "value_error")
    {
        reply.Status.Should().Be((HttpStatusCode)422, reply.Text);
        var item = reply.Json.GetProperty("detail")[0];
        item.GetProperty("msg").GetString().Should().NotBeNullOrEmpty();
        item.GetProperty("loc").Strings().Should().Equal("body", field);
        item.GetProperty("type").GetString().Should().Be(type);
        if (type == "value_error.missing")
        {
            item.GetProperty("msg").GetString().Should().Be("field required", "the seed's text for a missing field");
        }
    }

    /// <summary>Creates a team (with these models, none meaning every model) and a key of it; returns the key.</summary>
    public static async Task<string> TeamKeyAsync(this AdminHttp http, string teamId, params string[] models)
    {
        var team = await http.PostAsync("/team/new", new { team_id = teamId, models }, ApiServer.MasterKey);
        team.Status.Should().Be(HttpStatusCode.OK, team.Text);
        var key = await http.PostAsync("/key/generate", new { team_id = teamId }, ApiServer.MasterKey);
        key.Status.Should().Be(HttpStatusCode.OK, key.Text);
        return key.Str("key");
    }

    public static IReadOnlyList<string?> Strings(this JsonElement list) => list.EnumerateArray().Select(e => e.GetString()).ToList();
}
