// xunit runs each test class in parallel with the others; on a two-core machine one web app at a time is faster.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
