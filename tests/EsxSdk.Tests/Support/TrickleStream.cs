using System;
using System.IO;

namespace EsxSdk.Tests.Support
{
    /// <summary>Hands out at most a few bytes per read, as a slow network does.</summary>
    internal sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
