using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

/// <summary>The files and batches keys of <c>general_settings</c>.</summary>
public sealed class JobsSettingsTests
{
    private static Application.Configuration.PlatformConfiguration Load(string general) =>
        YamlConfigLoader.Parse("general_settings:\n" + general, "config.yaml", _ => null);

    [Test]
    public void Parse_WithFilesAndBatchKeys_ReadsThem()
    {
        var settings = Load("""
              files_storage_path: /data/files
              files_max_bytes: {batch: 1048576, fine-tune: 2048}
              batch_max_concurrency: 8
            """).General;

        settings.FilesStoragePath.Should().Be("/data/files");
        settings.FilesMaxBytes.Should().BeEquivalentTo(new Dictionary<string, long> { ["batch"] = 1048576, ["fine-tune"] = 2048 });
        settings.BatchMaxConcurrency.Should().Be(8);
    }

    [Test]
    public void Parse_WithoutThem_UsesTheDefaults()
    {
        var settings = Load("  master_key: sk-x\n").General;

        settings.FilesStoragePath.Should().BeNull();
        settings.FilesMaxBytes.Should().BeEmpty();
        settings.BatchMaxConcurrency.Should().Be(4);
    }

    [TestCase("files_max_bytes: {pictures: 10}", "general_settings.files_max_bytes.pictures")]
    [TestCase("files_max_bytes: {batch: 0}", "general_settings.files_max_bytes.batch")]
    [TestCase("files_max_bytes: {batch: 1.5}", "general_settings.files_max_bytes.batch")]
    [TestCase("batch_max_concurrency: 0", "general_settings.batch_max_concurrency")]
    public void Parse_WithAWrongValue_FailsNamingTheKeyAndLine(string line, string key)
    {
        var act = () => Load("  master_key: sk-x\n  " + line + "\n");

        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("config.yaml:3").And.Contain(key);
    }
}
