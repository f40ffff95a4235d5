# build systems probing the toolkit
nvcc --version
