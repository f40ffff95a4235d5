# a user checking what nvcc would run
nvcc --dryrun -c saxpy.cu -o saxpy.o
