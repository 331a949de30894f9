using BenchmarkDotNet.Running;

// Directory.Build.props names the assembly PushInventory.Push.Benchmarks while the project file is
// Push.Benchmarks.csproj, so BenchmarkDotNet cannot find the project to generate its runner from:
// run in process instead (the engine is pure CPU work, so the numbers are the same).
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
