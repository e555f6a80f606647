# Turns a text file into a C array definition: cmake -DINPUT=file
# -DOUTPUT=file.c -DNAME=symbol -P embed.cmake. The site's CSS and JS
# stay readable files in the tree and reach the driver as data.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "/* Generated from ${INPUT} by embed.cmake. */\n#include \"site_assets.h\"\n"
  "const char ${NAME}[] = {\n${bytes}0x00};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
