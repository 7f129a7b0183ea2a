import sys

from datavaardig.cli import main

sys.exit(main())
