using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Infrastructure.Catalog;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Catalog;

/// <summary>The node's copy of the model groups' runtime state, as changes from other nodes arrive.</summary>
public sealed class ModelRuntimeStateTests
{
    [Test]
    public async Task Apply_OfAChangeThatArrivesLate_DoesNotUndoALaterOne()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused");
        var state = new ModelRuntimeState(dataSource, TimeProvider.System);
        var earlier = DateTimeOffset.UtcNow;

        state.Apply("m", new ModelRuntime(false, earlier.AddSeconds(5)));
        state.Apply("m", new ModelRuntime(true, earlier));

        state.IsUnloaded("m").Should().BeTrue("the unload is the later change");
        state.Of("m").Since.Should().Be(earlier.AddSeconds(5));

        state.Apply("m", new ModelRuntime(true, earlier.AddSeconds(6)));

        state.IsUnloaded("m").Should().BeFalse();
        state.IsUnloaded("other").Should().BeFalse("a group never changed is loaded");
    }
}
