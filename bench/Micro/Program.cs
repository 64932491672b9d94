using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Micro-benchmarks of the hot path, with allocations per operation. They run in process (no generated
// project to build), short by default: ./build.sh --target=Micro, or pass BenchmarkDotNet's own options.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(LlmPlatform.Micro.Samples).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
