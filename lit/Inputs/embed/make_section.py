#!/usr/bin/env python3
"""Writes the contents of an .escape.remarks section, as the plugin's `embed`
argument does, so that tests can make objects with llvm-objcopy
--add-section before (and besides) the plugin.

usage: make_section.py OUT [--zlib] YAML...
Each YAML file becomes one record (plain, or zlib with --zlib); "-" as a
YAML file gives an empty stream. --magic, --encoding, --reserved,
--payload-size, --yaml-size and --truncate N write malformed records for
the error tests."""
import argparse
import struct
import sys
import zlib


def record(yaml, args):
    payload = zlib.compress(yaml) if args.zlib else yaml
    encoding = 1 if args.zlib else 0
    if args.encoding is not None:
        encoding = args.encoding
    payload_size = len(payload) if args.payload_size is None else args.payload_size
    yaml_size = len(yaml) if args.yaml_size is None else args.yaml_size
    header = args.magic.encode() + struct.pack(
        "<IIQQ", encoding, args.reserved, payload_size, yaml_size)
    return header + payload


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("yaml", nargs="*")
    parser.add_argument("--zlib", action="store_true")
    parser.add_argument("--magic", default="ESCREMK1")
    parser.add_argument("--encoding", type=int)
    parser.add_argument("--reserved", type=int, default=0)
    parser.add_argument("--payload-size", type=int)
    parser.add_argument("--yaml-size", type=int)
    parser.add_argument("--truncate", type=int,
                        help="cut the section to this many bytes")
    parser.add_argument("--corrupt", type=int,
                        help="flip the byte at this offset of the section")
    args = parser.parse_intermixed_args()
    data = b""
    for path in args.yaml:
        yaml = b"" if path == "-" else open(path, "rb").read()
        data += record(yaml, args)
    if args.truncate is not None:
        data = data[:args.truncate]
    if args.corrupt is not None:
        data = bytearray(data)
        data[args.corrupt] ^= 0xFF
        data = bytes(data)
    open(args.out, "wb").write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
