import sys

from doclocale.cli import main

sys.exit(main())
