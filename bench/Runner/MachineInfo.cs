namespace LlmPlatform.Bench.Runner;

/// <summary>The machine a run was measured on: cores, CPU model and memory, from /proc.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        var memory = "unknown memory";
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                cpu = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }

            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null && long.TryParse(total["MemTotal:".Length..].Trim().Split(' ')[0], out var kb))
            {
                memory = $"{kb / 1024.0 / 1024.0:0.0} GiB";
            }
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores (nproc), {cpu}, {memory} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
