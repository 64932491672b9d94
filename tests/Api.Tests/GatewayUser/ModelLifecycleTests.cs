using System.Net;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Providers, model status, load and unload, and the schema of the gateway-user dialect.</summary>
public sealed class ModelLifecycleTests : GatewayUserFixture
{
    [Test]
    public async Task Providers_ListTheCatalogueProviders_WithTheirModels()
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.GetAsync("/v1/providers", token);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        var providers = reply.Json.GetProperty("providers").EnumerateArray().ToList();
        providers.Select(p => p.GetProperty("name").GetString()).Should().Equal("mock");
        providers[0].GetProperty("models").EnumerateArray().Select(m => m.GetString()).Should().Equal("demo", "other", "slow");
        providers[0].GetProperty("configured").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task AnUnloadedModel_RefusesCalls_UntilItIsLoadedAgain()
    {
        var (_, token, _) = await RegisterAsync();
        (await Http.GetAsync("/v1/models/other/status", token)).Str("runtime_status").Should().Be("loaded");

        var unloaded = await Http.PostAsync("/v1/models/other/unload", new { force = false }, ApiServer.MasterKey);
        unloaded.Status.Should().Be(HttpStatusCode.OK, unloaded.Text);
        unloaded.Str("runtime_status").Should().Be("unloaded");
        try
        {
            (await Http.GetAsync("/v1/models/other/status", token)).Str("runtime_status").Should().Be("unloaded");
            var loaded = await Http.GetAsync("/v1/models/loaded", token);
            loaded.Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_id").GetString()).Should().Contain("demo").And.NotContain("other");

            var chat = await Http.PostAsync("/v1/chat/completions", new { model = "other", messages = new[] { new { role = "user", content = "hi" } } }, token);
            chat.Status.Should().Be(HttpStatusCode.ServiceUnavailable, chat.Text);
            chat.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("model_unloaded");
            var generate = await Http.PostAsync("/v1/generate", new { model = "other", modality = "text", input = new { prompt = "hi" } }, token);
            generate.Status.Should().Be(HttpStatusCode.ServiceUnavailable, generate.Text);
        }
        finally
        {
            var load = await Http.PostAsync("/v1/models/other/load", new { wait = true, use_fallback = false }, ApiServer.MasterKey);
            load.Status.Should().Be(HttpStatusCode.OK, load.Text);
            load.Str("runtime_status").Should().Be("loaded");
        }

        var again = await Http.PostAsync("/v1/chat/completions", new { model = "other", messages = new[] { new { role = "user", content = "hi" } } }, token);
        again.Status.Should().Be(HttpStatusCode.OK, again.Text);
    }

    [Test]
    public async Task OnlyAdmins_LoadAndUnload()
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/models/demo/unload", new { }, token);

        reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
        (await Http.GetAsync("/v1/models/demo/status", token)).Str("runtime_status").Should().Be("loaded");
    }

    [Test]
    public async Task TheLifecycleRoutes_DoNotBreakOpenAisModelRoutes()
    {
        var (_, token, _) = await RegisterAsync();

        (await Http.GetAsync("/v1/models/demo", token)).Str("id").Should().Be("demo");
        (await Http.GetAsync("/v1/models", token)).Json.GetProperty("data").GetArrayLength().Should().Be(3);
        (await Http.GetAsync("/v1/models/loaded", token)).Json.GetProperty("models").GetArrayLength().Should().BeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task UnknownModels_Are404()
    {
        var (_, token, _) = await RegisterAsync();

        (await Http.GetAsync("/v1/models/nope/status", token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.PostAsync("/v1/models/nope/load", new { }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/v1/schema?model=nope", token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/v1/schema", token)).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Schema_DescribesWhatGenerateTakes()
    {
        var (_, token, _) = await RegisterAsync();

        var schema = await Http.GetAsync("/v1/schema?model=demo", token);

        schema.Status.Should().Be(HttpStatusCode.OK, schema.Text);
        schema.Str("model_id").Should().Be("demo");
        schema.Str("modality").Should().Be("text");
        schema.Json.GetProperty("input").GetProperty("prompt").GetProperty("required").GetBoolean().Should().BeTrue();
        schema.Json.GetProperty("parameters").GetProperty("temperature").GetProperty("maximum").GetDouble().Should().Be(2);
    }

    [Test]
    public async Task ABadLoadBody_Is400()
    {
        var reply = await Http.PostAsync("/v1/models/demo/load", """{"wait":"yes"}""", ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
    }
}
